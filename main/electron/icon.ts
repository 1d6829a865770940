// The app's small mark (32×32 PNG, a play triangle): the tray icon and the drag image for videos
// without a poster. Embedded so it needs no file next to the bundle, inside or outside the asar.
export const APP_ICON_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAaklEQVR42mNgGIwgx+fZf1rgAbOYKIfQy3KcjhhQB9DbcgxHjDpgSDkABAbcATAw4A6g1BFUcQAlDqGqA8hxCE0cQIojaOYAYh0yfB0wMhPhyCyIRmZlNNoeGJ4OGO0XDIqu2aDonA4EAAAK9lAIf0cwdAAAAABJRU5ErkJggg==';

export const APP_ICON_DATA_URL = `data:image/png;base64,${APP_ICON_PNG_BASE64}`;
