//! Every effect of Folio goes through one instantiation of Yew's effect machinery.
//!
//! `use_effect_with` is generic over its dependencies, its closure and the closure's teardown, so each call site
//! used to be its own copy of Yew's effect state and of its `rendered` and `destroy` steps (about 600 bytes of
//! wasm each, 30 copies). [`use_effect_on`] keeps the same contract but hands Yew one type for all three: the
//! dependencies behind `Rc<dyn …>` compared through `Any`, the effect and its teardown as boxed closures. What
//! stays generic per call site is only the small shim that boxes them.

use std::any::Any;
use std::rc::Rc;

use yew::functional::TearDown;
use yew::prelude::*;

/// Dependencies of any type, compared with their own `PartialEq`.
trait Deps {
    fn same(&self, other: &dyn Any) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<D: PartialEq + 'static> Deps for D {
    fn same(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<D>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The one dependency type Yew sees.
struct Key(Rc<dyn Deps>);

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(other.0.as_any())
    }
}

/// The one effect type Yew sees: runs with the dependencies, returns the teardown.
type Run = Box<dyn FnOnce(&Key) -> Box<dyn FnOnce()>>;

/// `use_effect_with(deps, effect)`, with the same contract: `effect` runs after the first render and after every
/// render whose `deps` differ from the last run's, and what it returns (a closure or `()`) runs before the next
/// run and when the component goes away.
#[hook]
pub fn use_effect_on<D, F, T>(deps: D, effect: F)
where
    D: PartialEq + 'static,
    F: FnOnce(&D) -> T + 'static,
    T: TearDown,
{
    let run: Run = Box::new(move |key: &Key| match key.0.as_any().downcast_ref::<D>() {
        Some(deps) => {
            let teardown = effect(deps);
            Box::new(move || teardown.tear_down())
        }
        // Not reached: the key Yew hands back is the one made below, which holds a `D`.
        None => Box::new(|| ()),
    });
    use_effect_with(Key(Rc::new(deps)), run);
}
