import { z } from "zod";

export const lexiconEntrySchema = z
  .object({
    value: z.union([z.string(), z.number()]),
    forms: z.array(z.string().min(1)),
  })
  .passthrough();

export const lexiconFileSchema = z.object({
  name: z.string().min(1),
  description: z.string().min(1),
  source: z.string().min(1),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  entries: z.array(lexiconEntrySchema).min(1),
});

export type LexiconEntry = z.infer<typeof lexiconEntrySchema> & Record<string, unknown>;
export type LexiconFile = z.infer<typeof lexiconFileSchema>;
