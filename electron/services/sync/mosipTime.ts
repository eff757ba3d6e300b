/** `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` in UTC (kernel DateUtils.formatToISOString), from epoch ms. */
export function formatMosipTime(ms: number): string {
  return new Date(ms).toISOString();
}
