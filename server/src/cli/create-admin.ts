import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { UsageError, type Command } from './command.ts';

export const createAdmin: Command = {
  name: 'create-admin',
  usage:
    'create-admin --email E --name N --password P\n                     Create an admin account (refuses an email that already has one).',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    });
    if (!values.email || !values.name || !values.password) {
      throw new UsageError('create-admin needs --email, --name and --password.');
    }
    const app = await buildApp({ config, logger: false });
    try {
      if (await app.users.findByEmail(values.email)) {
        process.stderr.write(`An account for ${values.email} already exists; nothing was changed.\n`);
        return 1;
      }
      const { user } = await app.users.create(
        { email: values.email, name: values.name, role: 'admin', password: values.password },
        null,
      );
      console.log(`Created admin ${user.email}.`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
