/** The filters as Eve's where: equality on state, type and cluster; a definition is its backupdef or copydef. */
export function whereOf(filters) {
  const where = {};
  for (const field of ['state', 'type', 'cluster']) {
    if (filters[field]) {
      where[field] = filters[field];
    }
  }
  if (filters.definition) {
    const [field, id] = filters.definition.split(':');
    where[field] = id;
  }
  return where;
}
