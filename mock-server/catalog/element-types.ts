import type { FeatureKey } from './features';

/** A stored user value: XML text is decoded to these by the catalog's value types. */
export type Value = string | number | boolean;

export type ValueType = 'string' | 'boolean' | 'integer' | 'enum' | 'datetime';

/**
 * Availability per operation, as the real service treats the element:
 * create 'yes' = accepted by CreateUser; 'ignored' = accepted and dropped (personalUrl: Webex generates one);
 * 'no' = refused with "Can't set field". `set`/`get`: accepted by SetUser / returned by GetUser.
 */
export interface Access {
  create: 'yes' | 'ignored' | 'no';
  set: boolean;
  get: boolean;
}

export type Confidence = 'confirmed' | 'unconfirmed';

interface ElementBase {
  /** Local element name as on the wire. */
  element: string;
  /** Prefix the real service uses for it in responses. */
  ns: 'use' | 'com';
}

export interface LeafDef extends ElementBase {
  kind: 'leaf';
  type: ValueType;
  enumValues?: readonly string[];
  maxLength?: number;
  min?: number;
  max?: number;
  /** Extra value rule name, checked by site/validation (phone format, PIN, personalUrl...). */
  rule?: 'personalUrl' | 'password' | 'pin' | 'timeZoneId' | 'language' | 'sessionType' | 'email';
  /** Value a new user gets when the element is omitted on CreateUser. */
  default?: Value;
  /** GetUser shows the element even when it was never set (with `default`, or empty). */
  alwaysShown?: boolean;
  access: Access;
  /** Site feature that must be on to write anything but `featureOffValue`. */
  feature?: FeatureKey;
  /** Computed by the site from other values (read-only). */
  derived?: boolean;
  /** Flat connector attribute name (SPEC §4) — absent for elements connectors do not map. */
  attribute?: string;
  /** In Okta's base set (SPEC §4 "base"). */
  base?: boolean;
  confidence: Confidence;
  source: string;
  note?: string;
}

export interface ContainerDef extends ElementBase {
  kind: 'container';
  children: readonly ElementDef[];
  /** GetUser shows the container (self-closed) even when no child has a value. */
  alwaysShown?: boolean;
}

/** A repeated element: plain values (meetingType) or records (tspAccount) keyed by `key`. */
export interface ListDef extends ElementBase {
  kind: 'list';
  item: LeafDef | ContainerDef;
  maxItems: number;
  /** For record items: the child that identifies an item (SetUser merges by it). */
  key?: string;
  feature?: FeatureKey;
  access: Access;
  source: string;
}

export type ElementDef = LeafDef | ContainerDef | ListDef;
