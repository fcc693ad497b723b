// The runner's status while Python's files download: "Loading Python… 3.1 of 7.6 MB".
const LOADING = "Loading Python…";

export function loadingLabel(loaded, total) {
  if (!(total > 0)) return LOADING;
  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  return `${LOADING} ${megabytes(Math.min(loaded, total))} of ${megabytes(total)} MB`;
}
