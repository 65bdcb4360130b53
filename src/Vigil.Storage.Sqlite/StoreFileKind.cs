namespace Vigil.Storage.Sqlite;

/// <summary>What a file at a store's path is, found before anything is written to it.</summary>
internal enum StoreFileKind
{
    /// <summary>No file: a writer creates the store, a reader reports it missing.</summary>
    Missing,

    /// <summary>0 bytes, or a SQLite database with no schema at all: a writer may make it a store.</summary>
    Empty,

    /// <summary>A Vigil store: marked with Vigil's <c>application_id</c>, or an older one recognised by its tables.</summary>
    Vigil,

    /// <summary>Another program's database: nobody may write to it.</summary>
    Foreign,
}
