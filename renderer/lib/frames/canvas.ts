// Reading and encoding the canvases frame sources draw into.
import { type FrameCanvas, FrameError } from './types';

/** RGBA pixels of a frame, for the blank check and sharpness. */
export function pixelsOf(canvas: FrameCanvas): ImageData {
  const context = canvas.getContext('2d', { willReadFrequently: true }) as
    | CanvasRenderingContext2D
    | OffscreenCanvasRenderingContext2D
    | null;
  if (!context) throw new FrameError('unreadable', 'no 2d context');
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** Encodes a frame: PNG keeps it exact; JPEG for thumbnails. */
export async function encodeCanvas(
  canvas: FrameCanvas,
  type: 'image/png' | 'image/jpeg',
  quality?: number,
): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new FrameError('unreadable', 'encode failed'))),
      type,
      quality,
    ),
  );
}
