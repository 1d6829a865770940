// Image hosting as the app sees it: the settings' bucket plus the two credentials from the
// SecretStore (never anywhere else), the status the UI may know (set / not set), and the test.
// Stored credentials work only with the endpoint, region and bucket they were entered for: the UI
// can change those settings, but not move the credentials (and their signatures) to another server.
import type { HostingStatus, HostingTestResult } from '../../preload/contract';
import { StudioError } from '../core/errors';
import { credentialScope, type HostingCredentials, missingHostingParts } from '../core/hosting/config';
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

  /** Whether credentials entered for the current endpoint, region and bucket may be used. */
  private bound(): boolean {
    return this.settingsFile.hostingCredentialsScope === credentialScope(this.settings());
  }

  /** Credentials stored before scopes existed are bound to the bucket set at start-up. */
  async bindUnscopedCredentials(): Promise<void> {
    if (this.settingsFile.hostingCredentialsScope !== null) return;
    const { accessKeyId, secretAccessKey } = await this.storedCredentials();
    if (accessKeyId || secretAccessKey) {
      await this.settingsFile.setHostingCredentialsScope(credentialScope(this.settings()));
    }
  }

  async credentials(): Promise<Partial<HostingCredentials>> {
    return this.bound() ? this.storedCredentials() : {};
  }

  private async storedCredentials(): Promise<Partial<HostingCredentials>> {
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
    const bound = this.bound();
    const keyIdSet = keyId.set && bound;
    const secretSet = secret.set && bound;
    const missing = missingHostingParts(this.settings(), {
      accessKeyId: keyIdSet ? 'set' : undefined,
      secretAccessKey: secretSet ? 'set' : undefined,
    });
    const location = secret.location === 'environment' || !bound ? null : secret.location;
    return {
      accessKeyIdSet: keyIdSet,
      secretSet,
      savedForOtherBucket: !bound && (keyId.set || secret.set),
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
    const scope = credentialScope(this.settings());
    const stored = await this.storedCredentials();
    const rebinding = this.settingsFile.hostingCredentialsScope !== scope && Boolean(stored.secretAccessKey);
    if (rebinding && input.secretAccessKey === undefined) {
      throw new StudioError({
        kind: 'hosting',
        userMessage:
          'The stored secret access key was entered for another endpoint, region or bucket. Enter the secret again to use it with this bucket.',
      });
    }
    if (input.accessKeyId !== undefined)
      await this.secrets.set('s3-access-key-id', input.accessKeyId, input.where);
    if (input.secretAccessKey !== undefined) {
      await this.secrets.set('s3-secret-access-key', input.secretAccessKey, input.where);
    }
    await this.settingsFile.setHostingCredentialsScope(scope);
    return this.status();
  }

  async clearCredentials(): Promise<HostingStatus> {
    await this.secrets.clear('s3-access-key-id');
    await this.secrets.clear('s3-secret-access-key');
    await this.settingsFile.setHostingCredentialsScope(null);
    return this.status();
  }

  async test(): Promise<HostingTestResult> {
    return testHostingConnection(this.settings(), await this.credentials(), { policy: this.publicPolicy });
  }
}
