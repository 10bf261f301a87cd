//! The process's allocator (mimalloc), counting allocations: `make bench`
//! reports allocations per page from the count in `/metrics`
//! (`learn_allocations_total`). Each thread counts in its own cell and adds
//! to the shared count every 1,024 allocations, so counting costs no
//! contended instruction; the shared count is behind by less than 1,024
//! per thread.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Allocations a thread counts before adding them to the shared count.
const BATCH: u64 = 1_024;

static SHARED: AtomicU64 = AtomicU64::new(0);

thread_local! {
    // A `const` cell with nothing to drop: reading it never allocates.
    static COUNTED: Cell<u64> = const { Cell::new(0) };
}

/// mimalloc, counting.
pub struct Counting;

fn count() {
    // During a thread's teardown the cell may be gone: that allocation goes uncounted.
    let _ = COUNTED.try_with(|counted| {
        let now = counted.get() + 1;
        if now == BATCH {
            SHARED.fetch_add(BATCH, Ordering::Relaxed);
            counted.set(0);
        } else {
            counted.set(now);
        }
    });
}

// SAFETY: every call is passed to mimalloc unchanged; counting touches no
// memory the allocator hands out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { mimalloc::MiMalloc.dealloc(pointer, layout) }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        count();
        unsafe { mimalloc::MiMalloc.realloc(pointer, layout, size) }
    }
}

/// Allocations counted so far in the process (by the batch).
pub fn total() -> u64 {
    SHARED.load(Ordering::Relaxed)
}
