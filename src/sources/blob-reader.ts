import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';

/** Child process pipes are sockets, which can stop keeping the event loop alive. */
const socket = (stream: unknown) => stream as Socket;

interface Pending {
  resolve: (content: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * Reads blobs through one `git cat-file --batch` process instead of one process per file. Requests are
 * pipelined: git answers them in order, so each answer goes to the oldest waiting request. The process only
 * keeps Node alive while a request waits, and exits by itself when Node closes its stdin.
 */
export class BlobReader {
  private child?: ChildProcessWithoutNullStreams;
  private readonly waiting: Pending[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private failure?: Error;

  constructor(private readonly repo: string) {}

  read(oid: string): Promise<Buffer | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const child = this.process();
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) socket(child.stdout).ref();
      this.waiting.push({ resolve, reject });
      child.stdin.write(`${oid}\n`);
    });
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['-C', this.repo, 'cat-file', '--batch'], { stdio: 'pipe' });
    child.unref();
    socket(child.stdin).unref();
    socket(child.stdout).unref();
    socket(child.stderr).unref();
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stdin.on('error', (error) => this.fail(error));
    child.on('error', (error) => this.fail(error));
    child.on('exit', (code) => this.fail(new Error(`git cat-file exited with code ${code}`)));
    this.child = child;
    return child;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.waiting.splice(0)) pending.reject(this.failure);
  }

  /** Answers are `<oid> blob <size>\n<content>\n`, or `<oid> missing\n`. */
  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const newline = this.buffered.indexOf(0x0a);
      if (newline < 0) return;
      const header = this.buffered.toString('latin1', 0, newline);
      const size = /^\S+ \S+ (\d+)$/.exec(header);
      let content: Buffer | undefined;
      if (size) {
        const length = Number(size[1]);
        const end = newline + 1 + length;
        if (this.buffered.length < end + 1) return;
        content = this.buffered.subarray(newline + 1, end);
        this.buffered = this.buffered.subarray(end + 1);
      } else {
        this.buffered = this.buffered.subarray(newline + 1);
      }
      const pending = this.waiting.shift();
      if (this.waiting.length === 0 && this.child) socket(this.child.stdout).unref();
      pending?.resolve(content);
    }
  }
}
