// In a Web Worker, as in the app: DuckDB-WASM, the same importer, the same generated file.
import { WasmDb } from '../../../src/data/wasm_db.ts';
import { ingestFiles } from '../../../src/data/ingest.ts';
import { policeUkCsv } from '../police_uk_synth.ts';

self.onmessage = async (ev: MessageEvent<{ rows: number; repeats: number }>) => {
  try {
    const bytes = new TextEncoder().encode(policeUkCsv(ev.data.rows));
    const bare: number[] = [];
    const sargas: number[] = [];
    let accepted = 0;
    for (let r = 0; r < ev.data.repeats; r++) {
      let db = await WasmDb.open(false);
      const path = await db.registerBytes('synthetic-street.csv', bytes.slice()); // registering transfers the buffer
      let t = performance.now(); // timed: the read and the table, not the copy
      await db.run(`CREATE TABLE bare AS SELECT * FROM read_csv('${path}')`);
      bare.push(performance.now() - t);
      await db.close();
      db = await WasmDb.open(false);
      t = performance.now();
      const copy = bytes.slice();
      const s = await ingestFiles(db, [{ name: 'synthetic-street.csv', size: copy.length, head: copy, readAll: async () => copy }]);
      sargas.push(performance.now() - t);
      accepted = s.accepted;
      if (s.files[0].error) throw new Error(s.files[0].error);
      await db.close();
    }
    self.postMessage({ ok: true, rows: ev.data.rows, mb: bytes.length / 1e6, bare, sargas, accepted });
  } catch (e) {
    self.postMessage({ ok: false, error: String(e) });
  }
};
