/**
 * Arrowheads xyflow does not make: the answer coming back along a call, and the amber fallback.
 * Sized like xyflow's own (14 stroke widths on a -10..10 box).
 */
export const MARKER_RETURN = 'url(#bp-marker-return)';
export const MARKER_FALLBACK = 'url(#bp-marker-fallback)';

export function EdgeMarkers() {
  return (
    <svg className="bp-edge-markers" width="0" height="0" aria-hidden="true">
      <defs>
        {/* At the caller's end, pointing back at it; refX moves the tip out from under the handle. */}
        <marker id="bp-marker-return" viewBox="-10 -10 20 20" markerWidth="14" markerHeight="14" orient="auto-start-reverse" refX="6" refY="0">
          <polyline points="-5,-4 0,0 -5,4" fill="none" stroke="#52606d" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" />
        </marker>
        <marker id="bp-marker-fallback" viewBox="-10 -10 20 20" markerWidth="14" markerHeight="14" orient="auto-start-reverse" refX="0" refY="0">
          <polyline points="-5,-4 0,0 -5,4 -5,-4" fill="#b7791f" stroke="#b7791f" strokeWidth="1" strokeLinecap="round" strokeLinejoin="round" />
        </marker>
      </defs>
    </svg>
  );
}
