// Golden files and date tests assume UTC; a run in another zone would hide zone bugs as diffs.
if (process.env.TZ !== "UTC") throw new Error(`tests must run with TZ=UTC (got ${process.env.TZ ?? "unset"})`);
