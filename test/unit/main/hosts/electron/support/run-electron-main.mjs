/**
 * Runs the real main/hosts/electron/main.ts against fake-electron.mjs, drives it like a user would and
 * prints what happened as one JSON line. Started by main-wiring.test.ts in a child process.
 */
import { register } from 'node:module';

register('./fake-electron-hooks.mjs', import.meta.url);
await import('../../../../../../main/hosts/electron/main.ts');

const fake = globalThis.fakeElectron;
const until = async (check) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};
await until(() => fake.windows.length > 0 && fake.trays[0]?.menu);

const window = fake.windows[0];
const channels = [...fake.ipcHandlers.keys()];
const good = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
const call = (method, event, input = {}) => fake.ipcHandlers.get(`kizuna:rpc:${method}`)(event, input);
const page = await fake.protocolHandlers.get('app')({ url: 'app://kizuna/index.html', method: 'GET' });
const info = await call('app.info', good);
const foreign = await call('app.info', { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } });
const paused = await call('settings.update', good, { schedule: { paused: true } });
const trayLabels = fake.menus.at(-1).map((item) => item.label ?? '---');
const windowOpen = window.webContents.windowOpenHandler({ url: 'https://anilist.co/anime/1' });
const navigation = { url: 'https://evil.example/', isMainFrame: true, prevented: false, preventDefault() { this.prevented = true; } };
window.webContents.emit('will-frame-navigate', navigation);

window.close();
const hiddenNotClosed = !window.isDestroyed() && !window.visible;
fake.menus.at(-1).find((item) => item.id === 'quit').click();
await new Promise((resolve) => setTimeout(resolve, 20));

process.stdout.write(
  `${JSON.stringify({
    schemes: fake.schemes,
    channels,
    channelsAfterQuit: [...fake.ipcHandlers.keys()],
    windowOptions: window.options,
    loaded: window.loaded,
    shown: true,
    page: { status: page.status, csp: page.headers.get('content-security-policy') },
    info,
    foreign,
    paused: paused.ok && paused.value.schedule.paused,
    sentEvents: window.webContents.sent.map((sent) => ({ channel: sent.channel, keys: Object.keys(sent.message), event: sent.message.event })),
    trayLabels,
    windowOpen,
    navigationPrevented: navigation.prevented,
    opened: fake.opened,
    hiddenNotClosed,
    afterQuit: { windowDestroyed: window.isDestroyed(), trayDestroyed: fake.trays[0].destroyed, quitCalls: fake.quitCalls },
    dialogs: fake.dialogs,
    exitCode: fake.exitCode,
  })}\n`,
);
