extension Collection<UInt8> {
    /// Calls `body` with the collection's bytes in contiguous memory, copying only when the collection
    /// does not already store them contiguously (as `Array`, `ArraySlice` and `Data` do).
    func withContiguousRawBytes<Value, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        // The standard library's closures are `rethrows`, which erases the error type; carrying the
        // outcome in a `Result` keeps it typed.
        let direct: Result<Value, Failure>? = withContiguousStorageIfAvailable { buffer in
            Result { () throws(Failure) -> Value in try body(UnsafeRawBufferPointer(buffer)) }
        }
        if let direct {
            return try direct.get()
        }
        let copied: Result<Value, Failure> = Array(self).withUnsafeBytes { buffer in
            Result { () throws(Failure) -> Value in try body(buffer) }
        }
        return try copied.get()
    }
}
