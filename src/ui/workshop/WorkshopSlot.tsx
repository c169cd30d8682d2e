import { lazy, Suspense } from 'react';
import { useWorkshopWanted } from './trigger';

const WorkshopBar = lazy(() => import('./WorkshopBar'));

/** Where the workshop's step bar goes (over the canvas); nothing is loaded until a workshop is wanted. */
export function WorkshopSlot() {
  return useWorkshopWanted() ? (
    <Suspense fallback={null}>
      <WorkshopBar />
    </Suspense>
  ) : null;
}
