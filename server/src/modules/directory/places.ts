/** The shared place table lives in platform/places (matching uses it too); the directory keeps its import path. */
export { createPlaceIndex, haversineKm, loadPlaces, normalizePlaceKey, type Place, type PlaceIndex } from '../../platform/places/index.ts';
