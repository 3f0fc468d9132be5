import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";

const meeting = (text: string) => parseText(text).meetings[0]!;

describe("meeting details", () => {
  it("reads date, times and place from labelled lines", () => {
    const m = meeting("Kallelse\n\nDatum: 2024-11-08\n\nTid: kl. 09:00-14:30\n\nPlats: Sala Folkets Hus, Borgmästaregatan 1, Sala\n\n1 Mötets öppnande\n");
    expect([m.kind, m.date, m.start, m.end, m.location]).toEqual(["agenda", "2024-11-08", "09:00", "14:30", "Sala Folkets Hus, Borgmästaregatan 1, Sala"]);
  });

  it("splits 'Plats och tid' into place and time, and skips the justering date", () => {
    const m = meeting("PROTOKOLL Kommunstyrelsen\nPlats och tid Folkets Hus, Vilhelmina, torsdagen den 9 juni 2016, kl. 13.00-16.00\nBeslutande Anna Ek (S), ordförande\nJusteringens plats och tid Kommunhuset 2016-06-13\n\n§ 1 Öppnande\nText.\n");
    expect([m.date, m.start, m.end, m.location, m.body]).toEqual(["2016-06-09", "13:00", "16:00", "Folkets Hus, Vilhelmina", "Kommunstyrelsen"]);
    expect(m.signatures.adjustedOn).toBe("2016-06-13");
  });

  it("takes the place after the time in 'Tid och plats … kl … i konferenssal …'", () => {
    const m = meeting("PROTOKOLL\nTid och plats Onsdagen den 21 juni 2017 kl.18.00-20:20 i konferenssal Stallet, Taxinge.\nBeslutande Effe Östman (M), ordförande\n\n§ 45 Val av justerare\nText.\n");
    expect([m.date, m.start, m.end, m.location]).toEqual(["2017-06-21", "18:00", "20:20", "konferenssal Stallet, Taxinge"]);
  });

  it("infers a missing meeting year from the record's own dated lines, with a year-inferred warning", () => {
    const out = parseText("Mötesanteckning Styrgruppen\n\nNärvarande: Eva Ek (S), Bo Berg (M)\n\nDag: 26 februari\nTid: kl. 13.00-15.00 Mötesform: Teams\n\n1. Avtal\nAvtalet gäller från 16 augusti 2021.\n\n2. Kommande möten\nMötestider 2021\n21 maj\n24 september\n");
    const m = out.meetings[0]!;
    expect([m.date, m.location, m.nextMeeting, m.scheduledMeetings]).toEqual(["2021-02-26", "Teams", "2021-05-21", ["2021-05-21", "2021-09-24"]]);
    const w = out.warnings.find((x) => x.code === "year-inferred" && x.message.includes("26 februari"));
    expect(w?.message).toContain("2021");
    expect(w?.line).toBe(5);
  });

  it("reads the next meeting and the announced meeting dates with their roles", () => {
    const m = meeting("Minnesanteckningar\nDatum: 2023-09-22\nNärvarande: Eva Ek (S), Bo Berg (M)\n\n§11 Nästa sammanträde\n\nNästa sammanträde ska äga rum fredagen den 10 november 2023.\n\n§20 Sammanträdesdagar 2024\n\nGruppen föreslås sammanträda följande dagar 2024:\n\n2 februari, 3 maj och 8 november.\n");
    expect(m.nextMeeting).toBe("2023-11-10");
    expect(m.scheduledMeetings).toEqual(["2024-02-02", "2024-05-03", "2024-11-08"]);
    expect(m.dates.filter((d) => d.role === "scheduled-meeting").map((d) => d.item)).toEqual(["20", "20", "20"]);
    expect(m.dates.find((d) => d.value === "2023-09-22")?.role).toBe("meeting");
  });

  it("finds posting dates for the signatures", () => {
    const m = meeting("PROTOKOLL\nPlats och tid Rådhuset 2019-01-15 kl 13.00\nBeslutande Eva Ek (S)\nAnslaget sätts upp 2019-01-22 Anslaget tas ned 2019-02-13\n\n§ 1 Öppnande\n");
    expect([m.signatures.postedOn, m.signatures.removedOn]).toEqual(["2019-01-22", "2019-02-13"]);
  });
});

describe("files that hold no meeting", () => {
  it("classifies a web page and invents no meeting", () => {
    const out = parseText("Till startsidan\n\nNära vård i länet\n\nPrenumerera på nyhetsbrevet. Fyll i din e-postadress.\n\nKontakta oss om du har frågor om cookies.\n\nAnna Andersson, samordnare\n");
    expect(out.kind).toBe("webpage");
    expect(out.meetings).toEqual([]);
  });
  it("classifies a report and invents no meeting", () => {
    const out = parseText("Region Exempel\n\nInriktning, målbild och målområden\n\n• Rapporten beskriver uppföljning.\n• Målbild för 2025.\n\n1. Förebyggande arbete\n2. Patienten är aktiv\n\nSammanfattning av rapporten och kartläggning av utvecklingsområden.\n");
    expect(out.kind).toBe("report");
    expect(out.meetings).toEqual([]);
  });
});
