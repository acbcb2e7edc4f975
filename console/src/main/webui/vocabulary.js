// The seed's job vocabulary, as common-events' JobState and JobType enums spell it (gateway's
// ConsoleVocabularyTest keeps the two equal). UNKNOWN is left out: nobody filters for it.
export const JOB_STATES = ['PENDING', 'RUNNING', 'COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED', 'SKIPPED'];
export const TERMINAL_JOB_STATES = ['COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED', 'SKIPPED'];
export const JOB_TYPES = ['K8S_SNAP', 'K8S_COPY', 'RESTORE', 'DELETE_BACKUP'];
/** The job types POST /jobs/<id>/action/cancel accepts (JobType.isCancellable), and only while RUNNING. */
export const CANCELLABLE_TYPES = ['K8S_SNAP', 'K8S_COPY', 'RESTORE'];

export function isCancellable(job) {
  return job.state === 'RUNNING' && CANCELLABLE_TYPES.includes(job.type);
}
