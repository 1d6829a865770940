// Applies the indicators-view decisions with Electron: taskbar/dock progress, the tray, and OS
// notifications. Each follows its Settings toggle live ('settings.updated').
import { type BrowserWindow, Menu, Notification, nativeImage, Tray } from 'electron';
import type { Settings } from '../../preload/contract';
import { createProgressCoalescer } from '../service/coalesce-progress';
import type { StudioCore } from '../service/types';
import { Activity } from './activity';
import { PRODUCT_NAME } from './app-identity';
import { APP_ICON_DATA_URL } from './icon';
import { notificationFor, type TrayView, taskbarProgress, trayView } from './indicators-view';

export interface IndicatorOptions {
  core: StudioCore;
  mainWindow: () => BrowserWindow | null;
  showWindow: () => void;
  quit: () => void;
}

// Progress events can arrive hundreds of times a second; the taskbar needs a few updates.
const REFRESH_INTERVAL_MS = 500;
// Elapsed-vs-expected progress moves with the clock, not with events.
const TICK_MS = 1000;

export async function startIndicators(options: IndicatorOptions): Promise<() => void> {
  const { core } = options;
  let settings: Settings = await core.api.settings.get();
  // With "library not found" on screen there is no queue yet: the indicators start empty.
  const snapshot = await core.api.queue.snapshot().catch(() => null);
  const activity = new Activity(snapshot?.expectedMs ?? {});
  for (const record of snapshot?.active ?? []) activity.apply(record);

  let tray: Tray | null = null;
  let shownTray = '';
  let shownTaskbar = '';
  // Kept referenced until dismissed: a collected Notification loses its click handler.
  const liveNotifications = new Set<Notification>();

  const applyTray = (view: TrayView) => {
    if (!view.visible) {
      tray?.destroy();
      tray = null;
      shownTray = '';
      return;
    }
    const key = JSON.stringify(view);
    if (tray && key === shownTray) return;
    tray ??= new Tray(nativeImage.createFromDataURL(APP_ICON_DATA_URL));
    tray.setToolTip(view.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...view.statusLines.map((label) => ({ label, enabled: false })),
        { type: 'separator' },
        { label: `Show ${PRODUCT_NAME}`, click: options.showWindow },
        { label: 'Quit', click: options.quit },
      ]),
    );
    shownTray = key;
  };

  const refresh = () => {
    const window = options.mainWindow();
    if (window && !window.isDestroyed()) {
      const progress = taskbarProgress(settings.taskbarProgress, activity, Date.now());
      const key = JSON.stringify(progress);
      if (key !== shownTaskbar) {
        window.setProgressBar(progress.value, { mode: progress.mode });
        shownTaskbar = key;
      }
    }
    applyTray(trayView(settings.tray, activity));
  };
  const throttled = createProgressCoalescer<null>(refresh, { intervalMs: REFRESH_INTERVAL_MS });
  const scheduleRefresh = () => throttled.push('indicators', null);

  const notify = (view: { title: string; body: string }) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: view.title, body: view.body });
    liveNotifications.add(notification);
    notification.on('click', () => {
      liveNotifications.delete(notification);
      options.showWindow();
    });
    notification.on('close', () => liveNotifications.delete(notification));
    notification.show();
  };

  const unsubscribers = [
    core.events.on('generation.updated', (record) => {
      const previous = activity.apply(record);
      const window = options.mainWindow();
      const windowFocused = Boolean(window && !window.isDestroyed() && window.isFocused());
      const view = notificationFor({ enabled: settings.notifications, windowFocused, previous, record });
      if (view) notify(view);
      scheduleRefresh();
    }),
    core.events.on('download.progress', (event) => {
      activity.progress(event);
      scheduleRefresh();
    }),
    core.events.on('settings.updated', (next) => {
      settings = next;
      refresh();
    }),
  ];
  const ticker = setInterval(refresh, TICK_MS);
  refresh();

  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    clearInterval(ticker);
    throttled.dispose();
    tray?.destroy();
    tray = null;
    for (const notification of liveNotifications) notification.close();
    liveNotifications.clear();
  };
}
