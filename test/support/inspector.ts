// Helpers for tests of the inspector protocol: the error reply a request gets.
import { strict as assert } from 'node:assert';
import { InspectorError } from '../../shared/inspector/client';

/** Rejects with the InspectorError a request gets. */
export async function refusal(promise: Promise<unknown>): Promise<InspectorError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof InspectorError, String(error));
    return error;
  }
  assert.fail('the request was answered, not refused');
}
