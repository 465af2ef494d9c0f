export { PRESETS, type ProviderPreset } from '../../../../shared/providers';
