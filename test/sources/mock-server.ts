import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server on 127.0.0.1 (port chosen by the system) that answers as a test scripts it: the
 * clients are pointed at it, so no test reaches the network. Every request is recorded.
 */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Never answer (the client's time limit must end the attempt). */
  hang?: boolean;
}

export type Handler = (req: SeenRequest) => Reply | Promise<Reply>;

export interface MockServer {
  url: string;
  requests: SeenRequest[];
  /** Requests to a path. */
  to(path: string): SeenRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<MockServer> {
  const requests: SeenRequest[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      Promise.resolve(handler(seen)).then(
        (r) => {
          if (r.hang) {
            const end = () => res.destroy();
            hanging.add(end);
            res.on('close', () => hanging.delete(end));
            return;
          }
          res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers });
          res.end(r.body ?? '');
        },
        (e: unknown) => {
          res.writeHead(599);
          res.end(String(e));
        },
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    to: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((ok) => {
        for (const end of hanging) end();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Replies given in turn, the last one repeated. */
export function inTurn(...replies: Reply[]): () => Reply {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)];
}
