// The Session Events that a Perspective App device, an identity provider or a form submission fires, by function
// name: what a scenario's `event` step and the inspector's `event` request name. Apart from session-events.ts so
// that the inspector's request checks, which the devtools panel runs too, need nothing of the runtime.
export const FIRED_EVENTS = ['onAuthChallengeCompleted', 'onBluetoothReceived', 'onAccelerometerDataReceived', 'onNdefDataReceived', 'handleSubmission'] as const;
export type FiredEvent = (typeof FIRED_EVENTS)[number];
