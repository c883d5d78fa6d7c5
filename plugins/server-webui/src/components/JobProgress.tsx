import type { Job } from '../api/types';

/** A job's progress bar with its state and message; `testId` lets the e2e test read the percentage. */
export function JobProgress({ job, label, testId }: { job: Job | null; label: string; testId?: string }) {
  if (!job) {
    return null;
  }
  const percent = Math.round(Math.max(0, Math.min(1, job.progress ?? 0)) * 100);
  return (
    <div className={`job job-${job.state}`} data-testid={testId} data-state={job.state} data-progress={percent}>
      <div className="job-head">
        <span>{label}</span>
        <span className="job-state">{job.state} · {percent} %</span>
      </div>
      <div className="bar"><div style={{ width: `${percent}%` }} /></div>
      {job.message && job.state !== 'succeeded' && <div className="job-message">{job.message}</div>}
    </div>
  );
}
