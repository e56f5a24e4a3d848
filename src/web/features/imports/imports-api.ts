/**
 * The import screen's calls. Kept beside the page rather than in `api.ts` (owned by the web app) because
 * the upload needs what `fetch` lacks: upload progress, which only XMLHttpRequest reports. Errors come
 * back as the app's ApiError, so `errorText` shows the server's Vietnamese message.
 */
import type { ImportCommitInput, ImportJob, ImportListItem, ImportMappingInput } from '../../../shared/imports';
import { ApiError } from '../../api';

const base = '/api/v1/imports';

function toError(status: number, text: string): ApiError {
  let body: { error?: { code?: ApiError['code']; message?: string; fields?: ApiError['fields'] } } | null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return new ApiError({
    code: body?.error?.code ?? (status === 0 ? 'NETWORK' : 'INTERNAL'),
    status,
    message: body?.error?.message ?? (status === 0 ? 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.' : 'Máy chủ gặp lỗi. Vui lòng thử lại sau.'),
    fields: body?.error?.fields,
  });
}

async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, csrfToken: string | null, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw toError(0, '');
  }
  const text = await response.text();
  if (!response.ok) throw toError(response.status, text);
  return JSON.parse(text) as T;
}

/** Sends the file as the request body (no multipart) and reports the share sent, 0 to 1. */
export function uploadImportFile(file: File, csrfToken: string | null, onProgress: (share: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}?filename=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(JSON.parse(xhr.responseText) as ImportJob) : reject(toError(xhr.status, xhr.responseText)));
    xhr.onerror = () => reject(toError(0, ''));
    xhr.send(file);
  });
}

export const fetchImportJob = (id: number, signal?: AbortSignal) => call<ImportJob>('GET', `/${id}`, null, undefined, signal);
export const listImportJobs = (signal?: AbortSignal) => call<{ items: ImportListItem[] }>('GET', '', null, undefined, signal);
export const confirmImportMapping = (id: number, input: ImportMappingInput, csrfToken: string | null) => call<ImportJob>('PUT', `/${id}/mapping`, csrfToken, input);
export const commitImportJob = (id: number, input: ImportCommitInput, csrfToken: string | null) => call<ImportJob>('POST', `/${id}/commit`, csrfToken, input);
export const recheckImportJob = (id: number, csrfToken: string | null) => call<ImportJob>('POST', `/${id}/check`, csrfToken);

export const templateUrl = `${base}/template.xlsx`;
export const exportUrl = `${base}/export.xlsx`;
export const problemsUrl = (id: number) => `${base}/${id}/problems.xlsx`;
