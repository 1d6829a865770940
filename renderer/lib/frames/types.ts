// What a frame source gives (./frame-source.ts), and why it may give nothing.

export type FrameEngine = 'webcodecs' | 'video-element';
export type FrameCanvas = HTMLCanvasElement | OffscreenCanvas;

export interface DecodedFrame {
  /** Start of the frame in the clip, in seconds. */
  time: number;
  canvas: FrameCanvas;
}

export interface FrameSource {
  engine: FrameEngine;
  duration: number;
  /** Frames per second read from the file; null when the fallback cannot tell. */
  frameRate: number | null;
  width: number;
  height: number;
  /** The frame showing at `time` (the last one starting at or before it), `width` wide (full size by default). */
  frameAt(time: number, width?: number): Promise<DecodedFrame>;
  /** One frame per time, in the order given (sorted times decode each packet at most once). */
  framesAt(times: readonly number[], width?: number): AsyncGenerator<DecodedFrame>;
  /** Every frame starting in [start, end). */
  framesBetween(start: number, end: number, width?: number): AsyncGenerator<DecodedFrame>;
  close(): void;
}

export type FrameErrorReason = 'unreadable' | 'empty' | 'blank';

/** Why no frame could be had; the UI words each reason (frames.error.* in the i18n files). */
export class FrameError extends Error {
  constructor(
    readonly reason: FrameErrorReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}
