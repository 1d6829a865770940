// Image hosting as the app sees it: the settings' bucket plus the two credentials from the
// SecretStore (never anywhere else), the status the UI may know (set / not set), and the test.
import type { HostingStatus, HostingTestResult } from '../../shared/contract/contract';
import { type HostingCredentials, missingHostingParts } from '../../shared/domain/hosting-settings';
import type { HostingSource } from '../core/hosting/reference-hosting';
import { testHostingConnection } from '../core/hosting/test-connection';
import type { AddressPolicy } from '../core/net/address-policy';
import type { SecretStore } from '../core/secrets';
import type { SettingsFile } from './settings-file';

export class HostingService implements HostingSource {
  constructor(
    private readonly settingsFile: SettingsFile,
    private readonly secrets: SecretStore,
    /** What counts as reachable by APIXO, for the test's warning. */
    private readonly publicPolicy: AddressPolicy,
  ) {}

  settings() {
    return this.settingsFile.settings.imageHosting;
  }

  async credentials(): Promise<Partial<HostingCredentials>> {
    const [accessKeyId, secretAccessKey] = await Promise.all([
      this.secrets.get('s3-access-key-id'),
      this.secrets.get('s3-secret-access-key'),
    ]);
    return { accessKeyId: accessKeyId ?? undefined, secretAccessKey: secretAccessKey ?? undefined };
  }

  async status(): Promise<HostingStatus> {
    const [keyId, secret] = await Promise.all([
      this.secrets.status('s3-access-key-id'),
      this.secrets.status('s3-secret-access-key'),
    ]);
    const missing = missingHostingParts(this.settings(), {
      accessKeyId: keyId.set ? 'set' : undefined,
      secretAccessKey: secret.set ? 'set' : undefined,
    });
    const location = secret.location === 'environment' ? null : secret.location;
    return {
      accessKeyIdSet: keyId.set,
      secretSet: secret.set,
      location,
      ready: missing.length === 0,
      missing,
      keychainAvailable: secret.keychainAvailable,
      keychainError: secret.keychainError,
      keychainErrorReason: secret.keychainErrorReason,
    };
  }

  async setCredentials(input: {
    accessKeyId?: string | undefined;
    secretAccessKey?: string | undefined;
    where: 'keychain' | 'session';
  }): Promise<HostingStatus> {
    if (input.accessKeyId !== undefined)
      await this.secrets.set('s3-access-key-id', input.accessKeyId, input.where);
    if (input.secretAccessKey !== undefined) {
      await this.secrets.set('s3-secret-access-key', input.secretAccessKey, input.where);
    }
    return this.status();
  }

  async clearCredentials(): Promise<HostingStatus> {
    await this.secrets.clear('s3-access-key-id');
    await this.secrets.clear('s3-secret-access-key');
    return this.status();
  }

  async test(): Promise<HostingTestResult> {
    return testHostingConnection(this.settings(), await this.credentials(), { policy: this.publicPolicy });
  }
}
