/** For the renderers' tests: animation frames run by hand, 1/60 s apart. */
export function fakeFrames() {
  let pending: ((t: number) => void)[] = [];
  let t = 0;
  return {
    frame: (cb: (t: number) => void) => {
      pending.push(cb);
      return pending.length;
    },
    /** Up to n display frames, each running the callbacks asked for before it; how many ran. */
    run(n: number): number {
      let ran = 0;
      for (let i = 0; i < n && pending.length > 0; i++) {
        const cbs = pending;
        pending = [];
        t += 1000 / 60;
        for (const cb of cbs) cb(t);
        ran++;
      }
      return ran;
    },
  };
}
