/** "412/2000 files, 38.1 files/s, ETA 42 s" on a terminal's standard error, redrawn in place; silent elsewhere. */
export class Progress {
  private done = 0;
  private last = 0;
  private readonly started = Date.now();

  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean }, private readonly total: number, private readonly enabled: boolean) {}

  tick(): void {
    this.done++;
    if (!this.enabled || !this.out.isTTY) return;
    const now = Date.now();
    if (now - this.last < 200 && this.done < this.total) return;
    this.last = now;
    const rate = this.done / Math.max(0.001, (now - this.started) / 1000);
    const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
    this.out.write(`\r\x1b[K${this.done}/${this.total} files, ${rate.toFixed(1)} files/s, ETA ${eta} s`);
  }

  end(): void {
    if (this.enabled && this.out.isTTY && this.done > 0) this.out.write("\r\x1b[K");
  }
}
