/** Grains of the contract, plus two for what cannot be placed on a calendar without a reference. */
export type Grain = "year" | "season" | "month" | "week" | "day" | "minute" | "month-day" | "time";

export interface DateParts {
  y?: number;
  m?: number;
  d?: number;
  h?: number;
  min?: number;
}

/** A date expression found by a rule, before years are inferred. */
export interface RawMention {
  rule: string;
  index: number;
  lastIndex: number;
  grain: Grain;
  start: DateParts;
  end?: DateParts;
  /** Day offsets or week offsets from the reference ("i morgon", "nästa vecka"). */
  relative?: { days?: number; weeks?: number; years?: number; week?: number };
}

/** One date expression in a text: what parseDates returns. Values are local ISO, no time zone. */
export interface DateMention {
  text: string;
  /** YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM; year-less "--MM-DD"; time only "THH:MM". */
  value: string;
  /** End of a range, in the same form, or null. */
  end: string | null;
  grain: Grain;
  /** 0-based offset of the first character; lastIndex is exclusive. */
  index: number;
  lastIndex: number;
  rule: string;
  /** Fields filled from context, e.g. ["year"]. */
  inferred: string[];
}

export interface ParseDatesOptions {
  /** ISO date or date-time the text is read against (the meeting date). */
  reference?: string;
}
