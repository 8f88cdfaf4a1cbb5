import { cefrLevels, type CefrLevel } from "~db/schema/enums";

export function levelsFromMask(mask: number): CefrLevel[] {
  return cefrLevels.filter((_, index) => (mask & (1 << index)) !== 0);
}
