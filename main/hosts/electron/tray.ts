import { Menu, Tray, nativeImage, type NativeImage } from 'electron';
import { appIconPng } from './app-icon';
import { createTrayController, type TrayController, type TrayControllerOptions } from './tray-controller';
import { toMenuTemplate, type TrayItemId } from './tray-menu';

export interface AppTray {
  controller: TrayController;
  destroy(): void;
}

function trayIcon(): NativeImage {
  const image = nativeImage.createFromBuffer(appIconPng(16), { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: appIconPng(32) });
  return image;
}

/** The Electron side of the tray: draws what tray-controller decides. */
export async function createAppTray(options: Omit<TrayControllerOptions, 'render'>): Promise<AppTray> {
  const tray = new Tray(trayIcon());
  tray.setToolTip('Kizuna');
  // The first render happens inside createTrayController, before it returns; clicks are routed once it has.
  const route = { click: (_id: TrayItemId): void => undefined };
  const controller = await createTrayController({
    ...options,
    render: (items) => tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(items, (id) => route.click(id)))),
  });
  route.click = (id) => void controller.click(id);
  // Windows and macOS report a plain click on the icon; Linux trays only open the menu.
  tray.on('click', () => options.openWindow());
  return {
    controller,
    destroy() {
      controller.dispose();
      tray.destroy();
    },
  };
}
