// A thin progress bar; `fraction` null is indeterminate (a sliding segment). The fill grows by a
// transform, not its width: a width transition re-lays the page every frame while it runs, and the
// Queue runs one per visible job.
export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  return (
    <div
      className={fraction === null ? 'bar bar-indeterminate' : 'bar'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
    >
      <div
        className="bar-fill"
        style={fraction === null ? undefined : { transform: `scaleX(${fraction})` }}
      />
    </div>
  );
}
