import type { Range } from "../../types.js";

export type MotionType = "bifall" | "avslag" | "återremiss" | "bordläggning" | "ändring" | "tillägg" | "other";

export interface RawMotion {
  by: string | null;
  party: string | null;
  type: MotionType;
  text: string;
  range: Range;
}

export type VoteChoice = "ja" | "nej" | "avstår" | "frånvarande";

export interface RawVote {
  yes: number | null;
  no: number | null;
  abstain: number | null;
  absent: number | null;
  /** What a Ja and a Nej stand for ("bifall till AnnSofie Anderssons yrkande"). */
  yesFor: string | null;
  noFor: string | null;
  voters: Array<{ name: string; party: string | null; vote: VoteChoice }>;
  verified: boolean;
  range: Range;
}

export type ReservationKind = "reservation" | "särskilt yttrande" | "protokollsanteckning" | "jäv";

export interface RawReservation {
  kind: ReservationKind;
  by: Array<{ name: string; party: string | null }>;
  /** In favour of what ("till förmån för motionen"), when said. */
  inFavourOf: string | null;
  text: string;
  range: Range;
}
