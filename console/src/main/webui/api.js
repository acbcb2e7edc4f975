import ky, { HTTPError } from 'ky';
import { token, signOut } from './session.js';

/** A refusal of the API, with Eve's message and, for a 422, the field issues it named. */
export class ApiError extends Error {
  constructor(status, message, issues) {
    super(message);
    this.status = status;
    this.issues = issues ?? {};
  }
}

const http = ky.create({
  prefixUrl: '/api/v1',
  timeout: 15000,
  retry: { limit: 2, methods: ['get'] },
  hooks: {
    beforeRequest: [(request) => {
      const bearer = token();
      if (bearer) {
        request.headers.set('Authorization', `Bearer ${bearer}`);
      }
    }],
  },
});

async function call(promise) {
  try {
    return await promise;
  } catch (error) {
    throw await asApiError(error);
  }
}

async function asApiError(error) {
  if (!(error instanceof HTTPError)) {
    return new ApiError(0, `The API cannot be reached: ${error.message}`);
  }
  const status = error.response.status;
  let envelope = null;
  try {
    envelope = await error.response.json();
  } catch {
    // not Eve's envelope (a proxy in between answered): the status line says enough
  }
  if (status === 401) {
    signOut();
    window.dispatchEvent(new Event('ferry:signed-out'));
  }
  const message = envelope?._error?.message ?? `${status} ${error.response.statusText}`;
  return new ApiError(status, message, envelope?._issues);
}

function searchParams(query) {
  const params = {};
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      params[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  return params;
}

/** One page of a collection: Eve's where, sort, page, max_results and projection as given. */
export function list(resource, query) {
  return call(http.get(resource, { searchParams: searchParams(query) }).json());
}

/** Every item of a (small) collection, following Eve's next links. */
export async function listAll(resource, query) {
  const items = [];
  for (let page = 1; ; page++) {
    const answer = await list(resource, { ...query, page, max_results: 100 });
    items.push(...answer._items);
    if (!answer._links?.next) {
      return items;
    }
  }
}

export function get(resource, id) {
  return call(http.get(`${resource}/${id}`).json());
}

export function create(resource, document) {
  return call(http.post(resource, { json: document }).json());
}

export function action(resource, id, name, body) {
  return call(http.post(`${resource}/${id}/action/${name}`, { json: body ?? {} }).json());
}
