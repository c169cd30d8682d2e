import type { Root } from 'react-dom/client';
import { decodeScenario, payloadOf } from '../share/linkCodec';
import { ShareNotices } from '../share/ShareNotices';
import { shareStore } from '../share/shareStore';

/** Loads the embed view (its own chunk: a visit to the full app never downloads it). */
export function startEmbed(root: Root): void {
  import('./boot').then(
    (m) => m.bootEmbed(root, { payloadOf, decodeScenario, shareStore, ShareNotices }),
    (e: unknown) => root.render(<p role="alert">The embed could not load: {String(e)}</p>),
  );
}
