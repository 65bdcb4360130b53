namespace Vigil.Storage;
