// Where a video's poster lives: `<name>.jpg` beside `<name>.mp4` (see ARCHITECTURE "Files on disk").
// Used for the drag image when a video is dragged out of the library.
export function posterPathFor(videoPath: string): string | null {
  return /\.mp4$/i.test(videoPath) ? videoPath.replace(/\.mp4$/i, '.jpg') : null;
}
