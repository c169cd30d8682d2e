import { useEffect, useState, type FormEvent } from 'react';
import { scenarioStore, useScenario } from '../store/appStore';
import { noticeStore } from '../store/noticeStore';

/** The seed: same design + same seed = the same run, every time. A new seed restarts the run. */
export function SeedField() {
  const seed = useScenario((s) => s.meta.seed);
  const [draft, setDraft] = useState(String(seed));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    setDraft(String(seed));
    setInvalid(false);
  }, [seed]);

  const commit = () => {
    const text = draft.trim();
    const n = Number(text);
    if (text === '' || !Number.isSafeInteger(n) || n < 0) {
      setInvalid(true);
      noticeStore.getState().showAlert(`Seed must be a whole number ≥ 0; got “${draft}”. Keeping seed ${seed}.`);
      return;
    }
    setInvalid(false);
    if (n !== seed) scenarioStore.getState().setSeed(n);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    commit();
  };

  return (
    <form className="bp-seed" onSubmit={onSubmit}>
      <label htmlFor="seed-input">Seed</label>
      <input
        id="seed-input"
        type="text"
        inputMode="numeric"
        value={draft}
        aria-invalid={invalid}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        size={6}
        title="Same design and seed give exactly the same run"
      />
    </form>
  );
}
