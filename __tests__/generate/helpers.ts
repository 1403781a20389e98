import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildModel } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { parseYamlText } from '../../src/parse/yaml.js';

export function modelOf(files: Record<string, string>): ClusterModel {
  return buildModel(Object.entries(files).map(([file, text]) => parseYamlText(file, text)));
}

export interface RecordedRequest {
  path: string;
  authorization?: string;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 answering like the Dynatrace API, recording what it was asked. */
export async function startApi(
  handler: Handler,
): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Serves recorded-shape connection info: OneAgent endpoints as an array, ActiveGate endpoints as one string. */
export function connectionInfoHandler(oneAgent: unknown, activeGate: unknown, status = 200): Handler {
  return (request, response) => {
    const path = request.url ?? '';
    if (path.startsWith('/api/v1/deployment/installer/agent/connectioninfo'))
      return json(response, status, oneAgent);
    if (path.startsWith('/api/v1/deployment/installer/gateway/connectioninfo'))
      return json(response, status, activeGate);
    json(response, 404, { error: { code: 404, message: 'not found' } });
  };
}
