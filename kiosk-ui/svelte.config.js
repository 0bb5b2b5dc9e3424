// Every component uses runes; TypeScript in <script lang="ts"> needs no preprocessor in Svelte 5.
export default {
  compilerOptions: { runes: true },
};
