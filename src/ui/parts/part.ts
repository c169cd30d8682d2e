import type { ComponentType, ReactNode } from 'react';
import type { NodeType } from '../../engine/core';
import type { ChartSpec } from '../charts/chartKit';
import type { Health } from '../frames/derive';
import type { ConfigOf } from '../store/graph';

/** The palette's sections, in the order it shows them. */
export const PALETTE_GROUPS = ['Traffic', 'Queues & work', 'Guards', 'Scaling', 'Streams'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/** A node component of any kind: xyflow hands it the node's props (nodeTypes.tsx). */
export type NodeView = ComponentType<never>;
export type KindFields<K extends NodeType> = (props: { cfg: ConfigOf<K> }) => ReactNode;

/**
 * What the UI knows of one part kind: names, words, numbers and charts, no component (its view
 * and fields are in components.ts), so the first load and the paint worker can carry every part.
 */
export interface Part {
  kind: NodeType;
  /** As people say it: palette entry, node header, inspector title. */
  name: string;
  palette: { group: PaletteGroup; what: string };
  /** What a node from the palette starts with (store/starters.ts says why these values). */
  starter: Record<string, unknown>;
  /** What the node's health means in words (colour is never the only signal). */
  status: Record<Health, string>;
  /** The charts of a selected node of this kind; the whole system's when absent. */
  charts?: ChartSpec[];
  /**
   * The numbers a lesson's scripted events can set on it, in the order offered: parameter → its
   * words. A `serviceTime` event scales the distribution (lessons/EventsEditor.tsx).
   */
  events?: Record<string, { label: string; unit: string }>;
  /** False when the part takes no alert rules. */
  alerts?: false;
}

/** The components of one kind, each loaded the first time it is needed. */
export interface PartComponents<K extends NodeType> {
  /** The node on the canvas. Absent for the default design's kinds: their views are in the first chunk. */
  view?: () => Promise<NodeView>;
  /** The inspector fields below the label every node has. */
  fields: () => Promise<KindFields<K>>;
}
