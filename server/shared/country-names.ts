/**
 * The names people use for Space-Track's owners, keyed by SPADOC code: what the filter also
 * matches ("russia" finds COMMONWEALTH OF INDEPENDENT STATES) and a readable short name for tight
 * places (chart labels, PNGs). Space-Track's own name stays the official one everywhere else
 * (table, tooltip, detail, CSV).
 *
 * Data, not logic: every entry is a fact with its source. Sources:
 * - [ST]  Space-Track.org's boxscore (the names and codes of the embedded 2015 snapshots).
 * - [CT]  CelesTrak, "SATCAT Sources" (celestrak.com/satcat/sources.asp, 2015-11-24), which
 *         describes each owner code, e.g. "CIS: Commonwealth of Independent States (former USSR)".
 * - [ISO] ISO 3166-1 country codes (TWN: Taiwan), as used by later SATCAT codes.
 * - [ORG] The organisation's own name for itself (the acronym it trades under), as [CT] links it.
 *
 * Short names are written in capitals like Space-Track's names, so a chart label and the table's
 * row read as the same thing. Aliases are matched ignoring case and accents.
 */

export interface OwnerNames {
  /** A readable name of at most 14 characters (a phone's chart label), when Space-Track's is longer or obscure. */
  short?: string;
  /** Other names people search for. */
  aliases: readonly string[];
}

/** "Europe" finds the European multinational organisations (not every European country). */
const EUROPE = 'Europe';

export const OWNER_NAMES: Readonly<Record<string, OwnerNames>> = {
  // [CT] "Commonwealth of Independent States (former USSR)": the code holds the Soviet Union's
  // objects and, since 1991, Russia's (Ukraine, Kazakhstan, Belarus... have codes of their own).
  CIS: { short: 'RUSSIA/USSR', aliases: ['Russia', 'Russian Federation', 'USSR', 'Soviet Union', 'former USSR', 'CCCP'] },
  // [ST] UNITED STATES OF AMERICA; [CT] "United States".
  US: { short: 'USA', aliases: ['USA', 'U.S.', 'U.S.A.', 'United States', 'America'] },
  // [ST] UNITED STATES/BRAZIL (a joint owner): found by either partner's names.
  USBZ: { short: 'USA/BRAZIL', aliases: ['USA', 'U.S.', 'America'] },
  // [ST] UNITED KINGDOM; [CT] "United Kingdom" (of Great Britain and Northern Ireland).
  UK: { aliases: ['Britain', 'Great Britain', 'British', 'GB', 'GBR'] },
  // [ST] PEOPLES REPUBLIC OF CHINA; [CT] "People's Republic of China".
  PRC: { short: 'CHINA', aliases: ['China', "People's Republic of China"] },
  // [ST] PEOPLES REPUBLIC OF CHINA/BRAZIL; [CT] "China/Brazil".
  CHBZ: { short: 'CHINA/BRAZIL', aliases: ['China/Brazil'] },
  // [ST] REPUBLIC OF CHINA (TAIWAN); [CT] "Taiwan (Republic of China)".
  ROC: { short: 'TAIWAN', aliases: ['Taiwan', 'TWN'] },
  // [ISO] TWN: later SATCAT codes hold Taiwan's objects under TWN (the 2015 boxscore's ROC).
  TWN: { short: 'TAIWAN', aliases: ['Taiwan', 'Republic of China', 'ROC'] },
  // [CT] NKOR "Democratic People's Republic of Korea", SKOR "Republic of Korea": "Korea" finds both.
  NKOR: { aliases: ['Korea', "Democratic People's Republic of Korea", 'DPRK'] },
  SKOR: { aliases: ['Korea', 'Republic of Korea', 'ROK'] },
  // [ST]/[CT] the European multinational organisations.
  ESA: { short: 'ESA', aliases: [EUROPE] },
  ESRO: { short: 'ESRO', aliases: [EUROPE] },
  // [CT] "European Organization for the Exploitation of Meteorological Satellites (EUMETSAT)".
  EUME: { short: 'EUMETSAT', aliases: ['EUMETSAT', EUROPE] },
  // [ST] EUROPEAN TELECOMMUNICATIONS SATELLITE ORGANIZATION (EUTELSAT).
  EUTE: { short: 'EUTELSAT', aliases: [EUROPE] },
  // [ST] SOCIÉTÉ EUROPÉENNE DES SATELLITES; [CT] "SES" (a company based in Luxembourg).
  SES: { short: 'SES', aliases: ['SES'] },
  // [ST] ARAB SATELLITE COMMUNICATIONS ORGANIZATION; [ORG] Arabsat (arabsat.com, as [CT] links it).
  AB: { short: 'ARABSAT', aliases: ['Arabsat'] },
  // [CT] "Asia Satellite Telecommunications Company (ASIASAT)".
  AC: { short: 'ASIASAT', aliases: ['AsiaSat', 'Asia Satellite Telecommunications'] },
  // [ST] ... (INMARSAT), (INTELSAT): the acronyms they trade under.
  IM: { short: 'INMARSAT', aliases: [] },
  ITSO: { short: 'INTELSAT', aliases: [] },
  // [ST] REGIONAL AFRICAN SATELLITE COMMUNICATIONS ORG; [CT] "RascomStar-QAF" (rascomstar.com).
  RASC: { short: 'RASCOM', aliases: ['RascomStar'] },
  // [ST] INTERNATIONAL SPACE STATION.
  ISS: { short: 'ISS', aliases: [] },
  // [ST] NORTH ATLANTIC TREATY ORGANIZATION.
  NATO: { short: 'NATO', aliases: [] },
  // [ST] REPUBLIC OF PHILIPPINES; [CT] "Philippines (Republic of the Philippines)".
  RP: { short: 'PHILIPPINES', aliases: [] },
  // [ST] UNITED ARAB EMIRATES.
  UAE: { short: 'UAE', aliases: [] },
  // [ST] SEA LAUNCH DEMO; [CT] "Sea Launch".
  SEAL: { short: 'SEA LAUNCH', aliases: [] },
  // [ST] ORBITAL TELECOMMUNICATIONS SATELLITE (GLOBALSTAR); [CT] lists ORB as "ORBCOMM". The two
  // sources disagree, so no short name is made up; both names find it.
  ORB: { aliases: ['ORBCOMM'] },
  // [CT] "Czech Republic (former Czechoslovakia)".
  CZCH: { aliases: ['Czech Republic', 'Czechia'] },
};

/** The entry for a code, if any ("cis" and "CIS" alike). */
export function ownerNames(code: string | null): OwnerNames | undefined {
  if (!code) return undefined;
  const key = code.toUpperCase();
  return Object.hasOwn(OWNER_NAMES, key) ? OWNER_NAMES[key] : undefined;
}

/** A readable short name for a row, or null when Space-Track's name is the one to show. */
export function shortName(code: string | null): string | null {
  return ownerNames(code)?.short ?? null;
}

/** Every name a row can be searched by besides its official name and code: short name and aliases. */
export function searchNames(code: string | null): string[] {
  const names = ownerNames(code);
  if (!names) return [];
  return names.short ? [names.short, ...names.aliases] : [...names.aliases];
}
