/** The app's one design keeper, for the app's design store (tests build their own DesignKeeper). */
import { scenarioStore } from '../store/appStore';
import { noticeStore } from '../store/noticeStore';
import { browserStorage } from './autosave';
import { browserEnv, DesignKeeper } from './designKeeper';
import { shareStore } from './shareStore';

export const designKeeper = new DesignKeeper(
  scenarioStore,
  shareStore,
  browserEnv(browserStorage(), (text) => noticeStore.getState().showInfo(text)),
);
