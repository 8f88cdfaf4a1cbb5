import { cefrLevels, type CefrLevel } from "./vocabulary";

export function levelsFromMask(mask: number): CefrLevel[] {
  return cefrLevels.filter((_, index) => (mask & (1 << index)) !== 0);
}
