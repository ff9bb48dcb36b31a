import { defineConfig } from 'prisma/config';

// The CLI is used for `generate` only: migrations are applied by the app (docs/decisions/0003-migrations.md).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
