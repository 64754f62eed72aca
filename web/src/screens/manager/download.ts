import { ApiError, toProblem } from '../../api/problem';

/**
 * Downloads a CSV the API answers with `Accept: text/csv`. A plain link cannot set Accept, so the
 * app fetches it with the session cookie and hands the browser a blob to save.
 */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'text/csv' } });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(response.status, toProblem(response.status, body, response.statusText));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click is handled
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
