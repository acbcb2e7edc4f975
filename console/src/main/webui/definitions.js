/** The two kinds of definitions a user runs: a snapshot backup and its copy. */
export const BACKUPS = {
  resource: 'kubebackups',
  title: 'Backups',
  singular: 'backup',
  describe: 'Snapshot backups (kubebackups) of a cluster\'s PVCs.',
  // copies, restores and deletions of the backup's recovery points name it too; its runs are its snapshots
  runsQuery: (id) => ({ backupdef: id, type: 'K8S_SNAP' }),
  asksRunBackup: false,
};

export const OFFLOADS = {
  resource: 'kubeoffloads',
  title: 'Copies',
  singular: 'copy',
  describe: 'Copy backups (kubeoffloads): copies of a backup\'s snapshots to safe storage.',
  runsQuery: (id) => ({ copydef: id }),
  asksRunBackup: true,
};

/** The state of a definition's newest run: a kubeoffload's status.state, a kubebackup's newest status.jobs entry. */
export function lastRunState(definition) {
  const status = definition.status ?? {};
  if (status.state) {
    return status.state;
  }
  const jobs = Array.isArray(status.jobs) ? status.jobs : [];
  return jobs.length > 0 ? jobs[0].state : undefined;
}
