// system.file: reading and writing files on the machine the script runs on.
import { ALL_SCOPES, defineModule, VISION_ONLY } from './define';

export const file = defineModule(
  'system.file',
  'Files on the machine the script runs on: the gateway for Perspective scripts, the client computer for Vision.',
  ALL_SCOPES,
  [
    { name: 'fileExists', signature: '(filepath: str) -> bool', doc: 'Tells whether a file exists.' },
    { name: 'getTempFile', signature: '(extension: str) -> str', doc: 'The path of a new temporary file.' },
    { name: 'openFile', signature: '(extension: str = None, defaultLocation: str = None) -> str', scopes: VISION_ONLY, doc: 'Asks the Vision user to choose a file.', perspectiveInstead: 'the File Upload component' },
    { name: 'openFiles', signature: '(extension: str = None, defaultLocation: str = None) -> list[str]', scopes: VISION_ONLY, doc: 'Asks the Vision user to choose files.', perspectiveInstead: 'the File Upload component' },
    { name: 'readFileAsBytes', signature: '(filepath: str) -> bytes', doc: 'The bytes of a file.' },
    { name: 'readFileAsString', signature: "(filepath: str, encoding: str = 'UTF-8') -> str", doc: 'The text of a file.' },
    {
      name: 'saveFile',
      signature: '(filename: str, extension: str = None, typeDesc: str = None) -> str',
      scopes: VISION_ONLY,
      doc: 'Asks the Vision user where to save a file.', perspectiveInstead: 'system.perspective.download',
    },
    { name: 'writeFile', signature: "(filepath: str, data: Any, append: bool = False, encoding: str = 'UTF-8') -> None", doc: 'Writes text or bytes to a file.' },
  ],
);
