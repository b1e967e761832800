/** Places the number of dialogue partners against Dunbar's layers (Dunbar 1993; Zhou et al. 2005). */
import type { DunbarLayer, DunbarPlacement } from './types.js';

const LAYERS: ReadonlyArray<{ layer: DunbarLayer; label: string }> = [
  { layer: 5, label: 'support clique (up to 5)' },
  { layer: 15, label: 'sympathy group (up to 15)' },
  { layer: 50, label: 'band (up to 50)' },
  { layer: 150, label: 'active network (up to 150)' },
];

/**
 * The smallest layer that holds `partners`. Zero partners are in no layer (null, "none"):
 * saying "you are in your support clique" of nobody would flatter. More than 150 is
 * past Dunbar's number (null, "beyond 150").
 */
export function dunbarPlacement(partners: number): DunbarPlacement {
  if (partners <= 0) return { layer: null, label: 'none', partners };
  for (const { layer, label } of LAYERS) if (partners <= layer) return { layer, label, partners };
  return { layer: null, label: 'beyond 150', partners };
}
